// The papers part's pages, spread into the governance paths (paths.governance.*).
export const papersPaths = {
  meetingPapers: (id: number | string) => `/governance/meetings/${id}/papers`,
  meetingPaperLinks: (id: number | string) => `/governance/meetings/${id}/paper-links`,
  paper: (id: number | string) => `/governance/papers/${id}`,
  removePaper: (id: number | string) => `/governance/papers/${id}/remove`,
  meetingPlanLinks: (id: number | string) => `/governance/meetings/${id}/plan-links`,
  meetingResolutionLinks: (id: number | string) => `/governance/meetings/${id}/resolution-links`,
  meetingResolutionDeliverables: (id: number | string) =>
    `/governance/meetings/${id}/resolution-deliverables`,
  meetingActionDeliverables: (id: number | string) => `/governance/meetings/${id}/action-deliverables`,
  myActionsArising: () => '/governance/my-actions-arising',
  myActionArisingStatus: (id: number | string) => `/governance/my-actions-arising/${id}/status`,
} as const
