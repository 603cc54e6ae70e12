// Reading progress, remembered per chapter in this browser: how far the reader got
// and in which section. A chapter opened again (without a #section in its address)
// offers to continue there; chapter lists show how much of each chapter was read.

const PREFIX = 'inside-io:progress:';

export interface Progress {
  /** 0..1: how far down the chapter the reader scrolled (the furthest point). */
  furthest: number;
  /** Where the reader was last: the id and title of the section at the top of the window. */
  section?: string;
  title?: string;
  done: boolean;
}

export function loadProgress(chapter: string): Progress | null {
  try {
    const raw = localStorage.getItem(PREFIX + chapter);
    return raw ? (JSON.parse(raw) as Progress) : null;
  } catch {
    return null;
  }
}

function saveProgress(chapter: string, p: Progress): void {
  try {
    localStorage.setItem(PREFIX + chapter, JSON.stringify(p));
  } catch {
    // Storage is off or full: progress is simply not kept.
  }
}

/** The section heading nearest above the top of the window. */
function currentSection(main: HTMLElement): HTMLElement | null {
  let found: HTMLElement | null = null;
  for (const h of main.querySelectorAll<HTMLElement>('h2[id], h3[id]')) {
    if (h.getBoundingClientRect().top > 120) break;
    found = h;
  }
  return found;
}

const headingText = (h: HTMLElement) => [...h.childNodes].filter((n) => !(n instanceof HTMLElement && n.classList.contains('anchor'))).map((n) => n.textContent).join('').trim();

/** On a chapter page: offer to resume, then keep track while the reader scrolls. */
export function trackChapter(main: HTMLElement): void {
  const chapter = main.dataset.progressChapter!;
  const before = loadProgress(chapter);
  const resume = document.querySelector<HTMLElement>('[data-resume]');
  if (resume && before?.section && !before.done && !location.hash && document.getElementById(before.section)) {
    const link = resume.querySelector<HTMLAnchorElement>('a')!;
    link.href = `#${before.section}`;
    link.textContent = before.title ?? before.section;
    resume.hidden = false;
    const hide = () => (resume.hidden = true);
    link.addEventListener('click', hide);
    resume.querySelector('button')?.addEventListener('click', hide);
  }
  let state: Progress = before ?? { furthest: 0, done: false };
  let pending = 0;
  const measure = () => {
    pending = 0;
    const doc = document.documentElement;
    const max = Math.max(doc.scrollHeight - innerHeight, 1);
    const at = Math.min(scrollY / max, 1);
    const h = currentSection(main);
    const end = main.querySelector('.prev-next');
    const done = state.done || at > 0.98 || (end !== null && end.getBoundingClientRect().top < innerHeight);
    state = { furthest: Math.max(state.furthest, at), section: h?.id, title: h ? headingText(h) : undefined, done };
    saveProgress(chapter, state);
  };
  addEventListener('scroll', () => {
    if (!pending) pending = window.setTimeout(measure, 400);
  }, { passive: true });
}

/** Beside each chapter link that has a [data-progress-for]: "40% read" or "finished". */
export function showProgressBadges(): void {
  for (const a of document.querySelectorAll<HTMLElement>('[data-progress-for]')) {
    const p = loadProgress(a.dataset.progressFor!);
    if (!p || (!p.done && p.furthest < 0.05)) continue;
    const list = a.closest<HTMLElement>('[data-progress-strings]');
    const strings = JSON.parse(list?.dataset.progressStrings ?? '{}') as { read?: string; done?: string };
    const badge = document.createElement('span');
    badge.className = `progress-badge${p.done ? ' progress-done' : ''}`;
    badge.textContent = p.done ? strings.done ?? '✓' : `${Math.round(p.furthest * 100)}% ${strings.read ?? ''}`.trim();
    a.append(' ', badge);
  }
}
