import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { askForSetup } from './interactive.ts'
import { type Prompter, terminalPrompter } from './prompts.ts'

/** Answers given in order, as someone at the terminal would type them; the questions are kept. */
function scripted(answers: string[]): Prompter & { asked: string[] } {
  const asked: string[] = []
  const next = async (question: string) => {
    asked.push(question)
    const answer = answers.shift()
    if (answer === undefined) throw new Error(`No answer left for: ${question}`)
    return answer
  }
  return { asked, ask: next, secret: next, close: () => {} }
}

describe('safer setup at a terminal', () => {
  it('asks only what the flags left out, takes organisations until an empty line, and the password twice until both match', async () => {
    const prompter = scripted([
      'E09000028',
      'LBS London Borough of Southwark',
      'LBS=London Borough of Southwark (council)',
      'MPS=Metropolitan Police Service (police)',
      '',
      'Ada Administrator',
      'ada@southwark.example',
      'LBS',
      'amber-kettle-orchard-lamp',
      'amber-kettle-orchard-lamb',
      'amber-kettle-orchard-lamp',
      'amber-kettle-orchard-lamp',
    ])
    const said: string[] = []
    const answers = await askForSetup(
      prompter,
      { partnershipName: 'Safer Southwark Partnership', organisations: [] },
      (l) => said.push(l),
    )
    expect(answers).toEqual({
      partnershipName: 'Safer Southwark Partnership',
      areaCode: 'E09000028',
      organisations: [
        { shortName: 'LBS', name: 'London Borough of Southwark', type: 'council' },
        { shortName: 'MPS', name: 'Metropolitan Police Service', type: 'police' },
      ],
      adminName: 'Ada Administrator',
      adminEmail: 'ada@southwark.example',
      adminOrganisation: 'LBS',
      password: 'amber-kettle-orchard-lamp',
    })
    expect(prompter.asked.some((q) => q.startsWith('Partnership name'))).toBe(false)
    expect(said).toContain('The two passwords were not the same. Try again.')
    expect(said.some((l) => l.includes('"LBS London Borough of Southwark" is not an organisation'))).toBe(
      true,
    )
    expect(prompter.asked).toContain('Their organisation’s short name (LBS, MPS): ')
  })

  it('does not echo a password typed at a terminal', async () => {
    const input = Object.assign(new PassThrough(), {
      isTTY: true,
      setRawMode: () => input,
    }) as unknown as NodeJS.ReadStream
    const output = new PassThrough()
    let shown = ''
    output.on('data', (d) => {
      shown += d
    })
    const prompter = terminalPrompter(input, output as unknown as NodeJS.WriteStream)
    const name = prompter.ask('Name: ')
    input.write('Ada\r')
    expect(await name).toBe('Ada')
    const password = prompter.secret('Password: ')
    input.write('amber-kettle-orchard-lamp\r')
    expect(await password).toBe('amber-kettle-orchard-lamp')
    prompter.close()
    // The name is echoed as typed (among the terminal's cursor codes); the password is not.
    expect(shown).toContain('Name: ')
    expect(shown).toContain('Ada')
    expect(shown).toContain('Password: ')
    expect(shown).not.toContain('amber')
  })
})
