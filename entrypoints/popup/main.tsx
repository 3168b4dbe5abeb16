import { render } from 'preact';
import { factBase } from '@/lib/facts/bundle';
import { Popup } from '@/lib/popup/popup';

// popup.html?entity=ID opens on that entity ("Open in Mars Lens" in a tooltip).
const entity = new URLSearchParams(location.search).get('entity') ?? undefined;
render(<Popup base={factBase} entity={entity} />, document.getElementById('app')!);
