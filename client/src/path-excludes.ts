// "Not through" people in the path form: chips that can be removed, added from a suggestion list or
// from a node's menu. Labels (Country, Organization, Event) stay checkboxes.
import { clear, h } from './dom.ts';
import { attachSuggest } from './suggest.ts';

export class PathExcludes {
  private readonly chosen = new Map<string, string>();

  constructor(
    private readonly host: HTMLElement,
    input: HTMLInputElement,
    private readonly changed: () => void,
  ) {
    attachSuggest(input, {
      onPick: (hit) => {
        this.add(hit.id, hit.name);
        input.value = '';
        delete input.dataset.id;
      },
    });
  }

  ids(): string[] {
    return [...this.chosen.keys()];
  }

  add(id: string, name: string): void {
    if (this.chosen.has(id)) return;
    this.chosen.set(id, name);
    this.render();
    this.changed();
  }

  /** Sets the chips from a query's exclusions (ids), names as given or the id itself. */
  set(entries: { id: string; name?: string }[]): void {
    this.chosen.clear();
    for (const e of entries) this.chosen.set(e.id, e.name ?? e.id);
    this.render();
  }

  private render(): void {
    clear(
      this.host,
      [...this.chosen.entries()].map(([id, name]) =>
        h(
          'span.chip',
          { 'data-id': id },
          name,
          h(
            'button',
            {
              type: 'button',
              'aria-label': `Stop excluding ${name}`,
              onclick: () => (this.chosen.delete(id), this.render(), this.changed()),
            },
            '×',
          ),
        ),
      ),
    );
  }
}
