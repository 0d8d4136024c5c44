// The SafeLives Dash risk identification checklist (Dash RIC, 2009), the 24 questions a MARAC
// referrer asks the victim, as SafeLives words them. "(…)" stands for the name of the abuser(s),
// which the form leaves for the practitioner to say. The words in brackets after a question are the
// form's own prompt for what to write down beside the answer.

/** Stored with every assessment, so an answer is always read against the questions it answered. */
export const DASH_CHECKLIST_VERSION = 'safelives-dash-2009'

export interface DashQuestion {
  /** 1 to 24, as numbered on the form. */
  number: number
  text: string
  /** The form's prompt for the practitioner's note, where it gives one. */
  prompt?: string
}

const QUESTIONS: ReadonlyArray<[text: string, prompt?: string]> = [
  ['Has the current incident resulted in injury?', 'Please state what and whether this is the first injury.'],
  ['Are you very frightened?', 'Comment:'],
  [
    'What are you afraid of? Is it further injury or violence?',
    'Please give an indication of what you think (…) might do and to whom, including children.',
  ],
  [
    'Do you feel isolated from family/friends i.e. does (…) try to stop you from seeing friends/family/doctor or others?',
    'Comment:',
  ],
  ['Are you feeling depressed or having suicidal thoughts?'],
  ['Have you separated or tried to separate from (…) within the past year?'],
  ['Is there conflict over child contact?'],
  [
    'Does (…) constantly text, call, contact, follow, stalk or harass you?',
    'Please expand to identify what and whether you believe that this is done deliberately to intimidate you? Consider the context and behaviour of what is being done.',
  ],
  ['Are you pregnant or have you recently had a baby (within the last 18 months)?'],
  ['Is the abuse happening more often?'],
  ['Is the abuse getting worse?'],
  [
    'Does (…) try to control everything you do and/or are they excessively jealous?',
    "In terms of relationships, who you see, being 'policed at home', telling you what to wear for example. Consider 'honour'-based violence (HBV) and specify behaviour.",
  ],
  ['Has (…) ever used weapons or objects to hurt you?'],
  [
    'Has (…) ever threatened to kill you or someone else and you believed them?',
    'If yes, tick who: you; children; other (please specify).',
  ],
  ['Has (…) ever attempted to strangle/choke/suffocate/drown you?'],
  [
    'Does (…) do or say things of a sexual nature that make you feel bad or that physically hurt you or someone else?',
    'If someone else, specify who.',
  ],
  [
    'Is there any other person who has threatened you or who you are afraid of?',
    'If yes, please specify whom and why. Consider extended family if HBV.',
  ],
  [
    'Do you know if (…) has hurt anyone else?',
    'Please specify whom including the children, siblings or elderly relatives. Consider HBV. Children; another family member; someone from a previous relationship; other (please specify).',
  ],
  ['Has (…) ever mistreated an animal or the family pet?'],
  [
    'Are there any financial issues? For example, are you dependent on (…) for money/have they recently lost their job/other financial issues?',
  ],
  [
    'Has (…) had problems in the past year with drugs (prescription or other), alcohol or mental health leading to problems in leading a normal life?',
    'If yes, please specify which and give relevant details if known. Drugs; alcohol; mental health.',
  ],
  ['Has (…) ever threatened or attempted suicide?'],
  [
    'Has (…) ever broken bail/an injunction and/or formal agreement for when they can see you and/or the children?',
    'You may wish to consider this in relation to an ex-partner of the perpetrator if relevant. Bail conditions; non-molestation/occupation order; child contact arrangements; forced marriage protection order; other.',
  ],
  [
    'Do you know if (…) has ever been in trouble with the police or has a criminal history?',
    'If yes, please specify: domestic violence; sexual violence; other violence; other.',
  ],
]

export const DASH_QUESTIONS: readonly DashQuestion[] = QUESTIONS.map(([text, prompt], i) =>
  prompt === undefined ? { number: i + 1, text } : { number: i + 1, text, prompt },
)

export const DASH_QUESTION_COUNT = 24
