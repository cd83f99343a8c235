import { DomainErrors, MAX_DOCUMENT_BYTES } from '@koprogo/domain'
import { decodeField, type MultipartError, make, type PartInfo } from 'multipasta'
import { ProblemError } from '../_shared/problem.ts'

/** Text fields are short (title ≤ 255, description ≤ 2000 characters): 64 KiB is ample. */
const MAX_FIELD_BYTES = 64 * 1024
/** The form has 7 fields; a body with many more parts is not one of our clients'. */
const MAX_PARTS = 16

export type StreamedFile = {
  readonly filename: string
  readonly contentType: string
  /** The first `headBytes` bytes (fewer when the file is shorter). */
  readonly head: Uint8Array
  /** Known only when the whole file fit in `head`; otherwise the store counts it. */
  readonly size: number | undefined
  /** The whole file, `head` included; errors if the rest of the body turns out malformed. */
  readonly body: ReadableStream<Uint8Array>
}

export type UploadForm = {
  /** The text fields that came before the file part (all of them when there is no file). */
  readonly fieldsBeforeFile: Readonly<Record<string, string>>
  /**
   * Every text field, in whatever order the parts came. Complete once `file.body` has been read
   * to its end (that end is the body's closing boundary, so the fields after the file are parsed
   * by then) or at once when there is no file.
   */
  readonly fields: () => Readonly<Record<string, string>>
  readonly file: StreamedFile | null
}

const UNSTORABLE = 'must be well-formed Unicode without the NUL character'
const malformed = (message: string) => new ProblemError(DomainErrors.invalidField('(body)', message))

function problemOf(error: MultipartError): ProblemError {
  if (error._tag === 'ReachedLimit') {
    return error.limit === 'MaxFieldSize'
      ? new ProblemError(DomainErrors.payloadTooLarge(MAX_FIELD_BYTES))
      : malformed(`has more than ${MAX_PARTS} parts`)
  }
  return malformed(`is not a valid multipart/form-data body (${error._tag})`)
}

/**
 * Reads a multipart/form-data upload as a stream (multipasta, a dependency-free parser that runs
 * on Node and in workerd alike): the text fields are collected, and the `file` part is handed
 * over as a stream as soon as its first bytes arrive, so the file is never held in memory — the
 * request is read only as fast as the file store writes. The parts may come in any order
 * (browsers send them in the order they were appended, and KoproGo v1's client appends the file
 * first): fields after the file are collected while the file stream is read, which ends only at
 * the body's closing boundary, so a malformed tail, a NUL in a late field or a second file part
 * make the file stream fail and the store keeps nothing.
 */
export async function readUploadForm(request: Request, headBytes: number): Promise<UploadForm> {
  const contentType = request.headers.get('content-type') ?? ''
  const reader = request.body?.getReader()
  if (!reader) return { fieldsBeforeFile: {}, fields: () => ({}), file: null }

  const fields: Record<string, string> = {}
  let fileInfo: PartInfo | undefined
  let fileChunks: Uint8Array[] = []
  let fileEnded = false
  let fileBytes = 0
  let finished = false
  let failure: ProblemError | undefined
  const fail = (error: ProblemError) => {
    failure ??= error
  }

  const parser = make({
    headers: { 'content-type': contentType },
    maxParts: MAX_PARTS,
    maxFieldSize: MAX_FIELD_BYTES,
    isFile: (info) => info.name === 'file',
    onField(info, value) {
      const text = decodeField(info, value)
      // Postgres text cannot hold U+0000: refused here as a 400, not failed in SQL as a 500.
      if (text.includes('\0')) {
        return fail(new ProblemError(DomainErrors.invalidField(info.name, UNSTORABLE)))
      }
      fields[info.name] = text
    },
    onFile(info) {
      if (fileInfo) fail(malformed('has more than one file part'))
      fileInfo = info
      return (chunk) => {
        if (chunk === null) {
          fileEnded = true
          return
        }
        fileBytes += chunk.length
        if (fileBytes > MAX_DOCUMENT_BYTES)
          fail(new ProblemError(DomainErrors.payloadTooLarge(MAX_DOCUMENT_BYTES)))
        // The parser may hand out views into a buffer it reuses: keep a copy.
        else fileChunks.push(chunk.slice())
      }
    },
    onError: (error) => fail(problemOf(error)),
    onDone() {
      finished = true
    },
  })

  const feed = closingDelimiterSafe(contentType, (chunk) => parser.write(chunk))

  /** Feeds one chunk of the request to the parser; false once the request has ended. */
  const pump = async (): Promise<boolean> => {
    let next: ReadableStreamReadResult<Uint8Array>
    try {
      next = await reader.read()
    } catch (error) {
      // The body-limit stream (413) or a dropped connection.
      fail(error instanceof ProblemError ? error : malformed('was cut off'))
      return false
    }
    if (next.done) {
      // The parser keeps a final piece shorter than its boundary (often the closing "--\r\n")
      // until it is ended: end it before asking whether the form was complete.
      feed.end()
      parser.end()
      if (!finished) fail(malformed('ends before its closing boundary'))
      return false
    }
    feed.write(next.value)
    return !finished
  }
  const stop = (reason: unknown) => reader.cancel(reason).catch(() => undefined)

  while (!fileInfo && !failure && (await pump()));
  if (failure) {
    await stop(failure)
    throw failure
  }
  const info = fileInfo
  if (!info) return { fieldsBeforeFile: fields, fields: () => fields, file: null }
  const fieldsBeforeFile = { ...fields }

  /** The file's bytes as the store pulls them: one request chunk at a time (backpressure). */
  const rest = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // After the file's last byte, the rest of the body is still read before the stream ends:
      // the fields after the file are collected, and a malformed tail fails the stream, so the
      // store keeps nothing.
      while (fileChunks.length === 0 && !failure && !(fileEnded && finished) && (await pump()));
      if (failure) {
        controller.error(failure)
        return stop(failure)
      }
      const chunks = fileChunks
      fileChunks = []
      for (const chunk of chunks) controller.enqueue(chunk)
      if (fileEnded && finished) controller.close()
    },
    cancel: (reason) => stop(reason),
  })

  const { head, complete, body } = await splitHead(rest, headBytes)
  return {
    fieldsBeforeFile,
    fields: () => fields,
    file: {
      filename: info.filename ?? '',
      contentType: info.contentType,
      head,
      size: complete ? head.length : undefined,
      body,
    },
  }
}

/**
 * Reads up to `n` leading bytes for sniffing and returns a stream that replays them followed by
 * the rest, so the store receives the file whole without it being buffered.
 */
async function splitHead(source: ReadableStream<Uint8Array>, n: number) {
  const reader = source.getReader()
  const seen: Uint8Array[] = []
  let length = 0
  let complete = false
  while (length < n) {
    const { done, value } = await reader.read()
    if (done) {
      complete = true
      break
    }
    seen.push(value)
    length += value.length
  }
  const all = new Uint8Array(length)
  let offset = 0
  for (const chunk of seen) {
    all.set(chunk, offset)
    offset += chunk.length
  }
  let replayed = false
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!replayed) {
        replayed = true
        if (all.length > 0) controller.enqueue(all)
        if (complete) controller.close()
        return
      }
      const { done, value } = await reader.read()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    cancel: (reason) => reader.cancel(reason),
  })
  return { head: all.subarray(0, n), complete, body }
}

/**
 * multipasta 0.2.8 sees the closing delimiter (the "--" after the last boundary) only when both
 * dashes reach it in one write: a network chunk ending between them made a well-formed form
 * "end before its closing boundary". So a chunk that ends one byte after a complete boundary is
 * written without that byte, which goes with the next chunk (or alone at the end of the body).
 */
function closingDelimiterSafe(contentType: string, write: (chunk: Uint8Array) => void) {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const value = boundary?.[1] ?? boundary?.[2]
  // Without a boundary the parser reports the error itself.
  if (value === undefined) return { write, end: () => undefined }
  const delimiter = new TextEncoder().encode(`\r\n--${value}`)
  // The bytes last written, seeded like the parser's search so the first boundary counts too.
  let written: Uint8Array = Uint8Array.of(13, 10)
  let held: Uint8Array | undefined
  return {
    write(chunk: Uint8Array) {
      let data = held ? concat(held, chunk) : chunk
      held = undefined
      const end = lastBytes(written, data, delimiter.length + 1)
      if (end.length === delimiter.length + 1 && delimiter.every((byte, i) => end[i] === byte)) {
        held = data.slice(data.length - 1)
        data = data.subarray(0, data.length - 1)
      }
      if (data.length === 0) return
      write(data)
      written = lastBytes(written, data, delimiter.length)
    },
    end() {
      if (held) write(held)
      held = undefined
    },
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const all = new Uint8Array(a.length + b.length)
  all.set(a)
  all.set(b, a.length)
  return all
}

/** The last `n` bytes of `a` followed by `b` (fewer when both are shorter). */
function lastBytes(a: Uint8Array, b: Uint8Array, n: number): Uint8Array {
  if (b.length >= n) return b.subarray(b.length - n)
  const out = new Uint8Array(Math.min(n, a.length + b.length))
  const fromA = out.length - b.length
  out.set(a.subarray(a.length - fromA))
  out.set(b, fromA)
  return out
}
