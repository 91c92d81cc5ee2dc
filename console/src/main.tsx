import { render } from 'preact';
import { App } from './app';
import { loadRuntimeConfig } from './config';
import './styles.css';

const config = await loadRuntimeConfig();
render(<App config={config} />, document.getElementById('app')!);
