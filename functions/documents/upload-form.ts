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

export type UploadForm = { readonly fields: Record<string, string>; readonly file: StreamedFile | null }

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
 * request is read only as fast as the file store writes. Hence the fields must come before the
 * file (browsers send parts in the order they were appended; S3's POST uploads have the same
 * rule), and a part after the file makes the file stream fail, so the store keeps nothing.
 */
export async function readUploadForm(request: Request, headBytes: number): Promise<UploadForm> {
  const contentType = request.headers.get('content-type') ?? ''
  const reader = request.body?.getReader()
  if (!reader) return { fields: {}, file: null }

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
      if (fileInfo) return fail(malformed('the file must be the last part of the form'))
      const text = decodeField(info, value)
      // Postgres text cannot hold U+0000: refused here as a 400, not failed in SQL as a 500.
      if (text.includes('\0')) {
        return fail(new ProblemError(DomainErrors.invalidField(info.name, UNSTORABLE)))
      }
      fields[info.name] = text
    },
    onFile(info) {
      if (fileInfo) fail(malformed('the file must be the last part of the form'))
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
      if (!finished) fail(malformed('ends before its closing boundary'))
      parser.end()
      return false
    }
    parser.write(next.value)
    return !finished
  }
  const stop = (reason: unknown) => reader.cancel(reason).catch(() => undefined)

  while (!fileInfo && !failure && (await pump()));
  if (failure) {
    await stop(failure)
    throw failure
  }
  const info = fileInfo
  if (!info) return { fields, file: null }

  /** The file's bytes as the store pulls them: one request chunk at a time (backpressure). */
  const rest = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // After the file's last byte, the rest of the body must still be read: a part after the
      // file or a missing closing boundary fails the stream, and the store keeps nothing.
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
    fields,
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
