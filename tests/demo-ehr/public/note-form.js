// New progress note page: mounts the editor variant named by the slot's data-editor (the server resolved ?editor=),
// and saves what the variant *reports* as its value (getValue), not what the DOM looks like.
const form = /** @type {HTMLFormElement | null} */ (document.getElementById('note-form'));
if (form) init(form);

/** @param {HTMLFormElement} form */
async function init(form) {
  const slot = /** @type {HTMLElement} */ (document.getElementById('note-slot'));
  const save = /** @type {HTMLButtonElement} */ (document.getElementById('save-note'));
  const errorBox = /** @type {HTMLElement} */ (document.getElementById('form-error'));
  const clientId = form.dataset.clientId || '';
  const variant = slot.dataset.editor || 'textarea';
  const field = (name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));

  if (!field('date').value) field('date').value = todayLocal();

  let editor;
  try {
    const mod = await import(`/variants/${variant}.js`);
    editor = await mod.mount(slot, { label: 'Progress note', id: 'note' });
    if (!editor || typeof editor.getValue !== 'function') throw new Error('mount() must return { getValue() }');
  } catch (err) {
    console.error('[demo-ehr] editor variant failed to load', err);
    errorBox.textContent = `The note editor could not be loaded (${variant}).`;
    return;
  }
  // For tests and debugging: the mounted variant's handle.
  window.demoEhr = { variant, editor };
  document.documentElement.dataset.editorReady = variant;
  // A variant whose page enables Save only once its own model is dirty (Knockout, jQuery, AngularJS forms) takes
  // the button; others get it enabled now.
  if (typeof editor.gateSave === 'function') editor.gateSave(save);
  else save.disabled = false;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errorBox.textContent = '';
    save.disabled = true;
    try {
      const text = String(await editor.getValue());
      const res = await fetch(`/api/clients/${encodeURIComponent(clientId)}/notes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          text,
          cptCode: field('cptCode').value,
          date: field('date').value,
          chiefComplaint: field('chiefComplaint').value,
          editor: variant,
        }),
      });
      if (!res.ok) {
        const body = await res.json().catch(() => ({}));
        throw new Error(body.error || `Save failed (HTTP ${res.status})`);
      }
      const back = variant === 'textarea' ? '' : `?editor=${encodeURIComponent(variant)}`;
      location.assign(`/clients/${encodeURIComponent(clientId)}${back}`);
    } catch (err) {
      errorBox.textContent = err instanceof Error ? err.message : String(err);
      save.disabled = false;
    }
  });
}

function todayLocal() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
