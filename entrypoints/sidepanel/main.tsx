import { render } from 'preact';
import { App } from '@/components/App';
import { earlyConnection } from '@/lib/db/early-opening';
import { sharedNotesDb } from '@/lib/db';
import './style.css';

// The panel's one connection, shared by its hooks: the one opening.js made when it could, else opened now, while the
// first render runs.
void sharedNotesDb(undefined, earlyConnection()).catch(() => undefined);
render(<App />, document.getElementById('app')!);
