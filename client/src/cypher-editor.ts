// The console's Cypher editor: CodeMirror 6 with Neo4j's own Cypher language support
// (@neo4j-cypher/language-support) — its tokens for highlighting, its completion fed with the live
// schema's labels, types and properties, and its linter (in a worker) for errors in place.
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { linter, lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, RangeSetBuilder, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  keymap,
  lineNumbers,
  placeholder,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { autocomplete, highlightSyntax, type DbSchema } from '@neo4j-cypher/language-support';
import type { LintProblem, LintRequest } from './cypher-lint-worker.ts';

/** CodeMirror completion types for the language server's CompletionItemKind numbers. */
const KIND: Record<number, string> = {
  2: 'method',
  3: 'function',
  6: 'variable',
  7: 'class',
  10: 'property',
  12: 'text',
  14: 'keyword',
  20: 'enum',
  21: 'constant',
  25: 'type',
};

/** Token decorations from Neo4j's own Cypher tokenizer. */
function cypherHighlighting(): Extension {
  const build = (view: EditorView): DecorationSet => {
    const builder = new RangeSetBuilder<Decoration>();
    const text = view.state.doc.toString();
    let tokens: ReturnType<typeof highlightSyntax> = [];
    try {
      tokens = highlightSyntax(text);
    } catch {
      return builder.finish();
    }
    const sorted = [...tokens].sort((a, b) => a.position.startOffset - b.position.startOffset);
    let last = -1;
    for (const t of sorted) {
      const from = t.position.startOffset;
      const to = from + t.length;
      if (from < last || to > text.length || t.length <= 0 || t.tokenType === 'none') continue;
      builder.add(from, to, Decoration.mark({ class: `cm-cy-${t.tokenType}` }));
      last = to;
    }
    return builder.finish();
  };
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(view);
      }
      update(u: ViewUpdate) {
        if (u.docChanged) this.decorations = build(u.view);
      }
    },
    { decorations: (v) => v.decorations },
  );
}

function completionSource(schema: () => DbSchema) {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[\w$`]*/);
    const before = context.state.sliceDoc(Math.max(0, context.pos - 1), context.pos);
    if (!context.explicit && (!word || word.from === word.to) && !/[:.$(\s]/.test(before)) return null;
    let items: ReturnType<typeof autocomplete> = [];
    try {
      items = autocomplete(context.state.doc.toString(), schema(), { caretPosition: context.pos, manual: context.explicit });
    } catch {
      return null;
    }
    if (!items.length) return null;
    const options: Completion[] = items.map((i) => ({
      label: i.label,
      type: KIND[i.kind ?? 0] ?? 'text',
      detail: i.detail ?? undefined,
      apply: i.insertText ?? i.label,
    }));
    return { from: word ? word.from : context.pos, options, validFor: /^[\w$`]*$/ };
  };
}

/** Errors in place from the worker; stale answers (an older text) are dropped. */
function workerLinter(schema: () => DbSchema): Extension {
  let worker: Worker | undefined;
  let seq = 0;
  const pending = new Map<number, (p: LintProblem[]) => void>();
  return linter(
    (view) => {
      worker ??= (() => {
        const w = new Worker(new URL('./cypher-lint-worker.ts', import.meta.url), { type: 'module' });
        w.onmessage = (e: MessageEvent<{ id: number; problems: LintProblem[] }>) => {
          pending.get(e.data.id)?.(e.data.problems);
          pending.delete(e.data.id);
        };
        return w;
      })();
      const id = ++seq;
      const query = view.state.doc.toString();
      return new Promise<Diagnostic[]>((resolve) => {
        pending.set(id, (problems) =>
          resolve(
            id === seq
              ? problems.map((p) => ({ ...p, from: Math.min(p.from, query.length), to: Math.min(Math.max(p.to, p.from), query.length) }))
              : [],
          ),
        );
        const request: LintRequest = { id, query, schema: schema() };
        worker!.postMessage(request);
      });
    },
    { delay: 400 },
  );
}

/**
 * Typing over a selection that spans lines lets Chromium merge the lines itself, and it keeps the
 * tokens' colours as style="" attributes, which the Content-Security-Policy refuses: replace the
 * selection here instead, before the browser touches the DOM.
 */
const typeOverSelection = EditorView.domEventHandlers({
  beforeinput(event, view) {
    const sel = view.state.selection;
    if ((event.inputType !== 'insertText' && event.inputType !== 'insertReplacementText') || sel.ranges.every((r) => r.empty)) return false;
    const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
    event.preventDefault();
    view.dispatch(view.state.replaceSelection(text), { userEvent: 'input.type', scrollIntoView: true });
    return true;
  },
});

export interface CypherEditor {
  view: EditorView;
  text(): string;
  setText(text: string): void;
  /** Marks a server-reported error (Neo4j's message at an offset) in place and moves the cursor there. */
  markError(offset: number, message: string): void;
  clearError(): void;
}

/**
 * Colours of Neo4j's token types. CodeMirror's own styles and these go into a constructed stylesheet
 * of the editor's shadow root: in the document itself they would be an inline <style>, which the
 * Content-Security-Policy refuses.
 */
const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: '#ffffff' },
  '&.cm-focused': { outline: '2px solid #1d4ed8' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace", lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: '#f8fafc', color: '#475569', borderRight: '1px solid #e2e8f0' },
  '.cm-cy-keyword': { color: '#1d4ed8', fontWeight: '700' },
  '.cm-cy-stringLiteral': { color: '#047857' },
  '.cm-cy-numberLiteral, .cm-cy-booleanLiteral, .cm-cy-keywordLiteral': { color: '#b45309' },
  '.cm-cy-comment': { color: '#475569', fontStyle: 'italic' },
  '.cm-cy-paramDollar, .cm-cy-paramValue': { color: '#be185d' },
  '.cm-cy-label': { color: '#6d28d9' },
  '.cm-cy-function, .cm-cy-predicateFunction, .cm-cy-procedure': { color: '#0e7490' },
  '.cm-cy-property': { color: '#92400e' },
});

export function createCypherEditor(
  host: HTMLElement,
  options: { doc: string; label: string; schema: () => DbSchema; run(): void; changed(): void },
): CypherEditor {
  const run = () => {
    options.run();
    return true;
  };
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  parent.className = 'cm-host';
  parent.style.height = '100%';
  root.replaceChildren(parent);
  const view = new EditorView({
    parent,
    root,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        theme,
        typeOverSelection,
        lineNumbers(),
        history(),
        closeBrackets(),
        bracketMatching(),
        cypherHighlighting(),
        autocompletion({ override: [completionSource(options.schema)], activateOnTyping: true }),
        workerLinter(options.schema),
        lintGutter(),
        placeholder('MATCH (p:Person) RETURN p.name LIMIT 10'),
        keymap.of([
          { key: 'Mod-Enter', run },
          ...closeBracketsKeymap,
          ...completionKeymap,
          ...historyKeymap,
          ...defaultKeymap,
          indentWithTab,
        ]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': options.label, 'aria-multiline': 'true' }),
        EditorView.updateListener.of((u) => u.docChanged && options.changed()),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    markError(offset, message) {
      const at = Math.max(0, Math.min(offset, view.state.doc.length));
      const line = view.state.doc.lineAt(at);
      const to = Math.max(at + 1, Math.min(line.to, at + 20));
      view.dispatch(setDiagnostics(view.state, [{ from: at, to: Math.min(to, view.state.doc.length), severity: 'error', message }]));
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    },
    clearError() {
      view.dispatch(setDiagnostics(view.state, []));
    },
  };
}
