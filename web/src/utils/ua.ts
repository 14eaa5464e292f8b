// A short, human description of a User-Agent string for the login log ("Chrome 120 · Windows").

interface Rule {
  name: string
  pattern: RegExp
}

// Order matters: Edge and Opera also claim Chrome; Chrome also claims Safari.
const kBrowsers: Rule[] = [
  { name: '微信', pattern: /MicroMessenger\/([\d.]+)/ },
  { name: 'Edge', pattern: /Edg(?:e|A|iOS)?\/([\d.]+)/ },
  { name: 'Opera', pattern: /OPR\/([\d.]+)/ },
  { name: '360', pattern: /QIHU 360\w*\/?([\d.]*)/ },
  { name: 'Firefox', pattern: /Firefox\/([\d.]+)/ },
  { name: 'Chrome', pattern: /(?:HeadlessChrome|Chrome|CriOS)\/([\d.]+)/ },
  { name: 'Safari', pattern: /Version\/([\d.]+).*Safari/ },
  { name: 'IE', pattern: /(?:MSIE |Trident\/.*rv:)([\d.]+)/ },
  { name: 'curl', pattern: /curl\/([\d.]+)/ },
]

const kSystems: Rule[] = [
  { name: 'Android', pattern: /Android/ },
  { name: 'iOS', pattern: /iPhone|iPad|iPod/ },
  { name: 'HarmonyOS', pattern: /HarmonyOS|OpenHarmony/ },
  { name: 'Windows', pattern: /Windows/ },
  { name: 'macOS', pattern: /Mac OS X|Macintosh/ },
  { name: 'Linux', pattern: /Linux|X11/ },
]

/** "浏览器 主版本 · 系统"; "未知" when empty; the raw string (cut) when nothing is recognised. */
export function describeUserAgent(ua: string | null | undefined): string {
  if (!ua) return '未知'
  let browser = ''
  for (const rule of kBrowsers) {
    const m = ua.match(rule.pattern)
    if (m) {
      const major = (m[1] ?? '').split('.')[0]
      browser = major ? `${rule.name} ${major}` : rule.name
      break
    }
  }
  const system = kSystems.find((rule) => rule.pattern.test(ua))?.name ?? ''
  if (!browser && !system) return ua.length > 40 ? `${ua.slice(0, 40)}…` : ua
  return [browser, system].filter(Boolean).join(' · ')
}
