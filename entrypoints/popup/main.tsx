import { render } from 'preact';
import { factBase } from '@/lib/facts/bundle';
import { Popup } from '@/lib/popup/popup';

render(<Popup base={factBase} />, document.getElementById('app')!);
