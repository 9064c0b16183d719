// The Reports tab: two countries, a person or an organisation → the report, with downloads.
import { explain, getJson } from './api.ts';
import { $, clear, h } from './dom.ts';
import { reportUrl, type ReportQuery } from './state.ts';
import { attachSuggest } from './suggest.ts';

export class ReportsTab {
  constructor(private readonly hooks: { changed(r: ReportQuery): void }) {
    const form = $('#report-form') as HTMLFormElement;
    attachSuggest($('#report-a') as HTMLInputElement, { type: 'country', onPick: () => undefined });
    attachSuggest($('#report-b') as HTMLInputElement, { type: 'country', onPick: () => undefined });
    const entityInput = $('#report-id') as HTMLInputElement;
    const entitySuggest = { type: 'person' };
    attachSuggest(entityInput, {
      get type() {
        return entitySuggest.type;
      },
      onPick: () => undefined,
    });
    form.addEventListener('change', () => {
      const kind = this.kind();
      $('#report-bilateral').hidden = kind !== 'bilateral';
      $('#report-entity').hidden = kind === 'bilateral';
      $('#report-entity-label').textContent = kind === 'person' ? 'Person' : 'Organisation';
      entitySuggest.type = kind;
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const r = this.read();
      if (!r) {
        $('#report-status').textContent = 'Pick what the report is about first.';
        return;
      }
      this.hooks.changed(r);
      void this.show(r);
    });
  }

  private kind(): 'bilateral' | 'person' | 'organization' {
    return ((document.querySelector('input[name=rkind]:checked') as HTMLInputElement | null)?.value ?? 'bilateral') as
      'bilateral' | 'person' | 'organization';
  }

  private read(): ReportQuery | null {
    const kind = this.kind();
    const ref = (sel: string) => {
      const input = $(sel) as HTMLInputElement;
      return (input.dataset.id ?? input.value).trim();
    };
    if (kind === 'bilateral') {
      const a = ref('#report-a');
      const b = ref('#report-b');
      return a && b ? { kind, a, b } : null;
    }
    const id = ref('#report-id');
    return id ? { kind, id } : null;
  }

  /** Fills the form from a report query (from the URL or another tab). */
  fill(r: ReportQuery): void {
    (document.querySelector(`input[name=rkind][value=${r.kind}]`) as HTMLInputElement).checked = true;
    $('#report-form').dispatchEvent(new Event('change'));
    if (r.kind === 'bilateral') {
      ($('#report-a') as HTMLInputElement).value = r.a;
      ($('#report-b') as HTMLInputElement).value = r.b;
    } else ($('#report-id') as HTMLInputElement).value = r.id;
  }

  async show(r: ReportQuery): Promise<void> {
    const status = $('#report-status');
    const frame = $('#report-frame') as HTMLIFrameElement;
    const downloads = $('#report-downloads');
    status.textContent = 'Building the report…';
    try {
      const json = await getJson<{ title?: string; sections?: unknown[] }>(reportUrl(r, 'json'));
      status.textContent = json.title ? `${json.title} · ${json.sections?.length ?? 0} sections` : '';
      frame.src = reportUrl(r, 'html');
      frame.hidden = false;
      clear(
        downloads,
        'Download: ',
        (['md', 'html', 'csv', 'json'] as const).map((f) =>
          h('a', { href: reportUrl(r, f), download: '', class: 'button' }, f.toUpperCase()),
        ),
        h('a', { href: reportUrl(r, 'html'), target: '_blank', rel: 'noopener', class: 'button' }, 'Open printable page'),
      );
      downloads.hidden = false;
    } catch (err) {
      frame.hidden = true;
      downloads.hidden = true;
      status.textContent =
        (err as { status?: number }).status === 404 && /No API endpoint/.test(explain(err))
          ? 'Reports are not available on this server yet.'
          : explain(err);
    }
  }
}
