import { basename } from 'node:path'
import type { MultipartFile } from '@fastify/multipart'

// An uploaded file as the forms that take one hold it: small spreadsheets kept in memory with the
// name the browser gave. (Crime files, which can be large, stream to disk instead.)

export interface UploadedFile {
  fileName: string
  content: Buffer
}

/** For @fastify/multipart's onFile: the body then holds the file as { fileName, content }. */
export async function keepFile(part: MultipartFile): Promise<void> {
  const content = await part.toBuffer()
  ;(part as unknown as { value: UploadedFile }).value = { fileName: part.filename, content }
}

/** The name the browser gave, without any folder or control characters: it is only ever shown, never a path. */
export const cleanFileName = (name: string) =>
  [...basename(name.replace(/\\/g, '/'))]
    .filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127)
    .join('')
    .slice(0, 200)
