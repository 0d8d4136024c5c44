/** Who did something, and from where. Passed by every adapter into every service call that changes data. */
export interface Actor {
  userId: number | null
  label: string
  ip: string | null
}
