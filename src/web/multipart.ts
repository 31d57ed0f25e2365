/** multipart/form-data on Buffers (binary-safe): grammY's uploads and the browser's forms both use it. */

export interface Part {
  name: string
  filename?: string
  contentType?: string
  data: Buffer
}

export function boundaryOf(contentType: string | null | undefined): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '')
  return m?.[1] ?? m?.[2]
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const parts: Part[] = []
  const delimiter = Buffer.from(`--${boundary}`)
  let start = body.indexOf(delimiter)
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length)
    if (next < 0) break
    const chunk = body.subarray(start + delimiter.length, next)
    start = next
    const headEnd = chunk.indexOf('\r\n\r\n')
    if (headEnd < 0) continue
    const head = chunk.subarray(0, headEnd).toString('utf8')
    let data = chunk.subarray(headEnd + 4)
    if (data.length >= 2 && data[data.length - 2] === 13 && data[data.length - 1] === 10) data = data.subarray(0, data.length - 2)
    const name = /name="([^"]*)"/i.exec(head)?.[1]
    if (name === undefined) continue
    // grammY writes the file name without quotes; browsers quote it.
    const filename = /filename="?([^";\r\n]*)"?/i.exec(head)?.[1]
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim()
    parts.push({ name, data, ...(filename !== undefined ? { filename } : {}), ...(contentType ? { contentType } : {}) })
  }
  return parts
}

/** A Bot API upload: fields as JSON-ish strings, files as parts. */
export function buildMultipart(fields: Record<string, unknown>, files: Record<string, { filename: string; data: Buffer }>): { body: Buffer; contentType: string } {
  const boundary = `----joldosh${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`
  const chunks: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue
    const text = typeof value === 'string' ? value : JSON.stringify(value)
    chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition:form-data;name="${name}"\r\n\r\n${text}\r\n`))
  }
  for (const [name, file] of Object.entries(files)) {
    chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition:form-data;name="${name}";filename="${file.filename.replace(/["\r\n]/g, '_')}"\r\ncontent-type:application/octet-stream\r\n\r\n`), file.data, Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** Bot API fields arrive as strings; objects and numbers were JSON-encoded by grammY. */
export function fieldsOf(parts: Part[]): { payload: Record<string, any>; files: Record<string, { filename: string; data: Buffer }> } {
  const payload: Record<string, any> = {}
  const files: Record<string, { filename: string; data: Buffer }> = {}
  for (const part of parts) {
    if (part.filename !== undefined) {
      files[part.name] = { filename: part.filename, data: part.data }
      continue
    }
    const value = part.data.toString('utf8')
    try {
      payload[part.name] = JSON.parse(value)
    } catch {
      payload[part.name] = value
    }
  }
  for (const [field, value] of Object.entries(payload)) {
    if (typeof value === 'string' && value.startsWith('attach://')) {
      const file = files[value.slice('attach://'.length)]
      if (file) files[field] = file
    }
  }
  return { payload, files }
}
