export const paths = {
  tasking: {
    meetings: () => '/tasking',
    settings: () => '/tasking/settings',
    meeting: (id: number | string) => `/tasking/meetings/${id}`,
    meetingStatus: (id: number | string) => `/tasking/meetings/${id}/status`,
    meetingAttendees: (id: number | string) => `/tasking/meetings/${id}/attendees`,
    meetingBriefing: (id: number | string) => `/tasking/meetings/${id}/briefing`,
    meetingBriefingDocx: (id: number | string) => `/tasking/meetings/${id}/briefing.docx`,
    meetingCommentary: (id: number | string) => `/tasking/meetings/${id}/commentary`,
    newTasking: (id: number | string) => `/tasking/meetings/${id}/taskings/new`,
    meetingTaskings: (id: number | string) => `/tasking/meetings/${id}/taskings`,
    taskingPoint: (id: number | string) => `/tasking/meetings/${id}/taskings/point`,
    pointMap: (id: number | string) => `/tasking/meetings/${id}/taskings/point-map.svg`,
    taskingOutcome: (id: number | string) => `/tasking/taskings/${id}/outcome`,
  },
} as const
