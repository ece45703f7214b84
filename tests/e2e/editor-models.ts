// The demo EHR's editor variants and what each one's `demoEhr.editor.getValue()` reads: the editor's own model, which
// the editor tests check (Chromium: editors-a/editors-b/editors-vendor; Firefox: firefox.test.ts).

/** Demo variant → what its getValue() reads. */
export const EDITOR_MODELS = {
  textarea: 'the textarea the form posts',
  'react-textarea': 'React 19 useState',
  'vue-textarea': 'Vue 3 v-model ref',
  contenteditable: 'bare div role=textbox',
  quill: 'quill.getText()',
  tiptap: 'editor.getText({ blockSeparator: "\\n" })',
  lexical: '$getRoot().getTextContent()',
  'draft-js': "getPlainText('\\n')",
  slate: 'Node.string per block',
  ckeditor5: 'editor.getData() as text',
  tinymce: 'tinymce.activeEditor.getContent() as text',
  ckeditor4: 'CKEDITOR.instances…getData() as text',
  knockout: 'Knockout observable (value binding: change only)',
  jquery: "jQuery model kept on 'keyup change'",
  angularjs: "AngularJS scope (ng-model, updateOn 'blur change')",
  designmode: 'designMode iframe body',
  kendo: 'kendoEditor.value() as text',
  devextreme: "htmlEditor.option('value'), one line per block",
  syncfusion: 'rte.value as text',
  froala: 'editor.html.get() as text',
  jodit: 'editor.value as text',
  suneditor: 'editor.$.html.get() as text',
  toastui: 'editor.getMarkdown()',
  'tinymce-inline': 'editor.getContent() as text',
  'ckeditor5-inline': 'editor.getData() as text',
} as const;

export type EditorVariant = keyof typeof EDITOR_MODELS;

/** `[variant, model]` pairs for the variants named, in that order. */
export const editorsWithModels = (variants: EditorVariant[]): Array<[variant: EditorVariant, model: string]> =>
  variants.map((v) => [v, EDITOR_MODELS[v]]);

/** A model's text without the one trailing "\n" Quill's model always ends with. */
export const modelText = (v: string) => v.replace(/\n$/, '');
