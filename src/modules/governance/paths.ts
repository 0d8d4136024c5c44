import { decisionPaths } from './decisions/paths.ts'
import { papersPaths } from './papers/paths.ts'

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
    duties: (year?: number | string) =>
      year === undefined ? '/governance/duties' : `/governance/duties?year=${year}`,
    dutyEvidence: () => '/governance/duties/evidence',
    removeDutyEvidence: (id: number | string) => `/governance/duties/evidence/${id}/remove`,
    dutyDueDates: () => '/governance/duties/due-dates',
    meetingPublicMeeting: (id: number | string) => `/governance/meetings/${id}/public-meeting`,
    meetingPublishing: (id: number | string) => `/governance/meetings/${id}/publishing`,
    meetingPublish: (id: number | string) => `/governance/meetings/${id}/publish`,
    meetingWithdraw: (id: number | string) => `/governance/meetings/${id}/withdraw`,
    publicMeetings: () => '/public/meetings',
    publicMeeting: (id: number | string) => `/public/meetings/${id}`,
    ...papersPaths,
    ...decisionPaths,
  },
} as const
