// Editor variant "syncfusion": Syncfusion Essential JS 2 RichTextEditor 34 (div mode: the editable is a div in the
// page). No licence key: Syncfusion shows its licence banner. getValue() reads the component's own value
// (rte.value, HTML, which it keeps up to date from its input handling) as text.
import { Telemetry } from '@syncfusion/ej2-base'; // installed with @syncfusion/ej2-richtexteditor
import { HtmlEditor, Image, Link, QuickToolbar, RichTextEditor, Toolbar } from '@syncfusion/ej2-richtexteditor';
import { addStylesheets, captionedHost, htmlToText, textToHtml } from '../public/variants/_rich-text.js';

// Nothing may leave 127.0.0.1: Syncfusion otherwise reports component use to Azure Application Insights.
Telemetry.disable();
RichTextEditor.Inject(Toolbar, Link, Image, HtmlEditor, QuickToolbar);

export function mount(slot, { label = 'Progress note', id = 'note' } = {}) {
  // bootstrap5, not material: material.css imports Roboto from Google Fonts, and nothing may leave 127.0.0.1.
  const packages = ['ej2-base', 'ej2-buttons', 'ej2-inputs', 'ej2-popups', 'ej2-lists', 'ej2-navigations', 'ej2-splitbuttons', 'ej2-richtexteditor'];
  addStylesheets(...packages.map((pkg) => `/vendor/@syncfusion/${pkg}/styles/bootstrap5.css`));
  const { caption, host } = captionedHost(slot, label, id);

  const rte = new RichTextEditor({
    height: 360,
    width: 680,
    toolbarSettings: { items: ['Undo', 'Redo', '|', 'Bold', 'Italic', 'Underline', '|', 'OrderedList', 'UnorderedList'] },
  });
  rte.appendTo(host);
  const element = rte.contentModule.getEditPanel();
  element.setAttribute('aria-labelledby', caption.id);
  element.removeAttribute('aria-label');
  return {
    element,
    editor: rte,
    getValue: () => htmlToText(rte.value ?? ''),
    setValue: (text) => {
      rte.value = textToHtml(text);
      rte.dataBind();
    },
    focus: () => rte.focusIn(),
  };
}
