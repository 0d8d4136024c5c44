import { statusTag, type Tag } from '../../../web/status-tags.ts'
import { type DeliverableFlags, flagStatuses } from '../flags.ts'
import { RAG_LABELS, RAG_STATUSES, type Rag } from '../rag.ts'

// RAG and flags as GOV.UK tags, in the colours every page uses (src/web/status-tags.ts).

export const ragTag = (rag: Rag): Tag => statusTag({ kind: rag, text: RAG_LABELS[rag] })

/** The flags that are set, in a fixed order, as tags. */
export const flagTags = (flags: DeliverableFlags): Tag[] => flagStatuses(flags).map(statusTag)

/** Radio or select items for a RAG choice, with the current one checked. */
export const ragItems = (selected: unknown) =>
  RAG_STATUSES.map((rag) => ({
    value: rag,
    text: RAG_LABELS[rag],
    checked: rag === selected,
    selected: rag === selected,
  }))
