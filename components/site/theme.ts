// The theme: "light" or "dark" on <html data-theme>. Base.astro sets it before the
// first paint (saved choice, else the system's); this module wires the toggle and
// keeps following the system while the reader has not chosen.

export const THEME_KEY = 'inside-io:theme';
type Theme = 'light' | 'dark';

const systemDark = () => matchMedia('(prefers-color-scheme: dark)');

function saved(): Theme | null {
  try {
    const t = localStorage.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : null;
  } catch {
    return null;
  }
}

function remember(t: Theme | null): void {
  try {
    if (t) localStorage.setItem(THEME_KEY, t);
    else localStorage.removeItem(THEME_KEY);
  } catch {
    // Storage is off: the choice lasts for this page.
  }
}

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function apply(t: Theme): void {
  document.documentElement.dataset.theme = t;
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) b.setAttribute('aria-pressed', String(t === 'dark'));
}

export function wireThemeToggles(): void {
  apply(currentTheme());
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    if (b.dataset.wired) continue;
    b.dataset.wired = '1';
    b.hidden = false;
    b.addEventListener('click', () => {
      const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
      const system: Theme = systemDark().matches ? 'dark' : 'light';
      // Choosing what the system says means "follow the system" again.
      remember(next === system ? null : next);
      apply(next);
    });
  }
  systemDark().addEventListener('change', (e) => {
    if (!saved()) apply(e.matches ? 'dark' : 'light');
  });
}
