// A classic ASP.NET WebForms progress-note page, as many legacy EHRs still serve it: no doctype (the browser
// renders it in quirks mode), table layout, server-control ids and names (`ctl00_ContentPlaceHolder1_txtNote`,
// `ctl00$ContentPlaceHolder1$txtNote`), a __VIEWSTATE hidden input, labels that are <span>s in the neighbouring
// table cell (no <label for>), and a "Chief complaint" textarea beside the note in the same row.
// Served at /webforms/ProgressNote.aspx?ClientID=<id>. Save stands in for the postback: it posts the note to the
// demo's note API (editor "webforms-quirks") and goes back to the chart. The page sets <html data-editor-ready=
// "webforms-quirks"> and window.demoEhr = { variant, editor: { getValue(), setValue(text) } } like the note page.
import { CLINIC_NAME, CPT_CODES, LOGGED_IN_AS } from './clients.mjs';

export const WEBFORMS_VARIANT = 'webforms-quirks';
export const webformsPath = (clientId) => `/webforms/ProgressNote.aspx?ClientID=${encodeURIComponent(clientId)}`;

const h = (v) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const P = 'ctl00_ContentPlaceHolder1_';
const N = 'ctl00$ContentPlaceHolder1$';

/** Quirks mode is the point of this page: it must never start with a doctype. */
export function webformsPage(client) {
  const today = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const dos = `${pad(today.getMonth() + 1)}/${pad(today.getDate())}/${today.getFullYear()}`;
  const cpt = CPT_CODES.map((c, i) => `<option${i === 0 ? ' selected="selected"' : ''} value="${h(c.code)}">${h(c.label)}</option>`).join('');
  return `<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>
	Progress Note - ${h(CLINIC_NAME)}
</title><meta http-equiv="X-UA-Compatible" content="IE=EmulateIE7" />
<style type="text/css">
  body { font-family: Verdana, Arial, sans-serif; font-size: 11px; margin: 0; }
  .hdr { background: #003366; color: #fff; font-weight: bold; }
  .lbl { font-weight: bold; white-space: nowrap; }
  .pt td { background: #e8eef7; }
</style>
</head>
<body topmargin="0" leftmargin="0">
<form name="aspnetForm" method="post" action="./ProgressNote.aspx?ClientID=${h(client.id)}" id="aspnetForm">
<div>
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRkZ3Vp0yJXa8Qq2iB1c3VhbGx5IGEgbG9uZyBiYXNlNjQgYmxvYg==" />
</div>
<table width="100%" cellpadding="4" cellspacing="0" border="0">
  <tr class="hdr"><td><font size="3">${h(CLINIC_NAME)}</font></td><td align="right">Logged in as: ${h(LOGGED_IN_AS)} | <a href="/" style="color:#fff">Log out</a></td></tr>
</table>
<table id="ctl00_tblPatient" class="pt" width="100%" cellpadding="3" cellspacing="1" border="0">
  <tr>
    <td class="lbl">Patient:</td><td><span id="ctl00_lblPatientName">${h(client.lastName.toUpperCase())}, ${h(client.firstName.toUpperCase())}</span></td>
    <td class="lbl">DOB:</td><td><span id="ctl00_lblDOB">${h(client.dob)}</span></td>
    <td class="lbl">MRN:</td><td><span id="ctl00_lblMRN">${h(client.mrn)}</span></td>
  </tr>
</table>
<br />
<table id="${P}tblNote" width="100%" cellpadding="3" cellspacing="0" border="0">
  <tr>
    <td class="lbl" valign="top"><span id="${P}lblDOS">Date of service</span></td>
    <td colspan="3"><input name="${N}txtDOS" type="text" value="${h(dos)}" maxlength="10" size="10" id="${P}txtDOS" />
      &nbsp;<span id="${P}lblCPT" class="lbl">CPT</span>&nbsp;<select name="${N}ddlCPT" id="${P}ddlCPT">${cpt}</select></td>
  </tr>
  <tr>
    <td class="lbl" valign="top"><span id="${P}lblCC">Chief complaint</span></td>
    <td valign="top"><textarea name="${N}txtCC" rows="6" cols="30" id="${P}txtCC"></textarea></td>
    <td class="lbl" valign="top"><span id="${P}lblNote">Progress note</span></td>
    <td valign="top"><textarea name="${N}txtNote" rows="20" cols="80" id="${P}txtNote"></textarea></td>
  </tr>
  <tr>
    <td></td>
    <td colspan="3"><input type="submit" name="${N}btnSave" value="Save" id="${P}btnSave" />
      <input type="submit" name="${N}btnCancel" value="Cancel" id="${P}btnCancel" />
      <span id="${P}lblMessage" style="color:red"></span></td>
  </tr>
</table>
</form>
<script type="text/javascript">
//<![CDATA[
(function () {
  var form = document.forms['aspnetForm'];
  var note = document.getElementById('${P}txtNote');
  var cc = document.getElementById('${P}txtCC');
  var dos = document.getElementById('${P}txtDOS');
  var cpt = document.getElementById('${P}ddlCPT');
  var message = document.getElementById('${P}lblMessage');
  var submitter = null;
  form.onclick = function (e) { if (e.target && e.target.type === 'submit') submitter = e.target.name; };
  form.onsubmit = function () {
    if (submitter === '${N}btnCancel') { location.href = '/clients/${h(client.id)}'; return false; }
    var d = /^(\\d\\d)\\/(\\d\\d)\\/(\\d{4})$/.exec(dos.value);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/clients/${h(client.id)}/notes', true);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      if (xhr.status === 201) location.href = '/clients/${h(client.id)}';
      else message.innerText = 'Not saved (HTTP ' + xhr.status + ')';
    };
    xhr.send(JSON.stringify({
      text: note.value, chiefComplaint: cc.value, cptCode: cpt.value,
      date: d ? d[3] + '-' + d[1] + '-' + d[2] : '', editor: '${WEBFORMS_VARIANT}'
    }));
    return false;
  };
  window.demoEhr = {
    variant: '${WEBFORMS_VARIANT}',
    editor: {
      element: note,
      getValue: function () { return note.value.replace(/\\r\\n?/g, '\\n'); },
      setValue: function (text) { note.value = String(text); }
    }
  };
  document.documentElement.setAttribute('data-editor-ready', '${WEBFORMS_VARIANT}');
})();
//]]>
</script>
</body>
</html>
`;
}
