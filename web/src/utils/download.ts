// Saving a file the page holds (a Blob from the API or made here) through the browser's
// download: a temporary object URL on a clicked <a download>.

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
