import { decisionPaths } from './decisions/paths.ts'

export const paths = {
  governance: {
    boards: () => '/governance/boards',
    newBoard: () => '/governance/boards/new',
    board: (id: number | string) => `/governance/boards/${id}`,
    editBoard: (id: number | string) => `/governance/boards/${id}/edit`,
    boardMembers: (id: number | string) => `/governance/boards/${id}/members`,
    boardReportingLines: (id: number | string) => `/governance/boards/${id}/reporting-lines`,
    boardMeetings: (id: number | string) => `/governance/boards/${id}/meetings`,
    meeting: (id: number | string) => `/governance/meetings/${id}`,
    meetingStatus: (id: number | string) => `/governance/meetings/${id}/status`,
    meetingAttendance: (id: number | string) => `/governance/meetings/${id}/attendance`,
    meetingItems: (id: number | string) => `/governance/meetings/${id}/items`,
    meetingMinutes: (id: number | string) => `/governance/meetings/${id}/minutes`,
    meetingResolutions: (id: number | string) => `/governance/meetings/${id}/resolutions`,
    meetingActions: (id: number | string) => `/governance/meetings/${id}/actions`,
    actionStatus: (id: number | string) => `/governance/actions/${id}/status`,
    ...decisionPaths,
  },
} as const
