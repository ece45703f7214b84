import { render } from 'preact';
import { App } from '@/components/App';
import { sharedNotesDb } from '@/lib/db';
import './style.css';

// Start opening the database now, while the first render runs; the panel's hooks share this connection.
void sharedNotesDb().catch(() => undefined);
render(<App />, document.getElementById('app')!);
