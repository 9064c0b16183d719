// A node's context menu (right-click, or the keyboard's context-menu key on the selected node): the
// actions of the details panel where the pointer is, and "exclude from paths".
import { h } from './dom.ts';

export interface MenuItem {
  label: string;
  run(): void;
}

let open: HTMLElement | null = null;

export function closeMenu(): void {
  open?.remove();
  open = null;
}

export function showMenu(at: { x: number; y: number }, title: string, items: MenuItem[]): HTMLElement {
  closeMenu();
  const buttons = items.map((item) =>
    h('button', { type: 'button', role: 'menuitem', onclick: () => (closeMenu(), item.run()) }, item.label),
  );
  const menu = h('div.node-menu', { role: 'menu', 'aria-label': `Actions for ${title}` }, h('div.node-menu-title', {}, title), buttons);
  menu.style.left = `${Math.min(at.x, window.innerWidth - 240)}px`;
  menu.style.top = `${Math.min(at.y, window.innerHeight - 40 * items.length - 40)}px`;
  document.body.append(menu);
  open = menu;
  buttons[0]?.focus();
  menu.addEventListener('keydown', (e) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      closeMenu();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    }
  });
  return menu;
}

document.addEventListener('pointerdown', (e) => {
  if (open && !open.contains(e.target as Node)) closeMenu();
});
