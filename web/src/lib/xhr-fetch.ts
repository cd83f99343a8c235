// fetch() reports no upload progress (a streamed request body needs HTTP/2 and is not a progress
// API): an XMLHttpRequest does, through xhr.upload.onprogress. This is fetch's shape over an XHR,
// used only for the uploads that show a progress bar; everything else stays on fetch.

const NULL_BODY = new Set([101, 103, 204, 205, 304])

function headersOf(raw: string): Headers {
  const headers = new Headers()
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const at = line.indexOf(':')
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim())
  }
  return headers
}

/** A fetch that calls `onProgress(sent, total)` while the request body goes out. */
export function xhrFetch(
  onProgress: (sent: number, total: number) => void,
): (url: string, init?: RequestInit) => Promise<Response> {
  return (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest()
      xhr.open(init.method ?? 'GET', url)
      xhr.withCredentials = init.credentials === 'include' || init.credentials === 'same-origin'
      xhr.responseType = 'blob'
      for (const [k, v] of new Headers(init.headers).entries()) xhr.setRequestHeader(k, v)
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded, e.total)
      }
      xhr.onload = () =>
        resolve(
          new Response(NULL_BODY.has(xhr.status) ? null : (xhr.response as Blob), {
            status: xhr.status,
            statusText: xhr.statusText,
            headers: headersOf(xhr.getAllResponseHeaders()),
          }),
        )
      xhr.onerror = () => reject(new TypeError('Failed to fetch'))
      xhr.onabort = () => reject(new DOMException('The upload was aborted', 'AbortError'))
      init.signal?.addEventListener('abort', () => xhr.abort())
      xhr.send((init.body as XMLHttpRequestBodyInit | null | undefined) ?? null)
    })
}
