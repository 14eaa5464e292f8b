// Saving a file through the browser's download: a Blob the page holds (from the API or made
// here) through a temporary object URL, or a file the server serves, through a plain link.

/** Starts the download of `blob` as `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  // The download has taken the URL by then; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/**
 * Starts the download of a file the server serves at `url` (same origin: the session cookie goes
 * with it) through a hidden <a download>; `fileName` is used when the server names none.
 */
export function saveUrl(url: string, fileName: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
}
