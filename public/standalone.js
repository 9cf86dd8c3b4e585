// The standalone page: the first host of embed.js, mounting into its own element.
import { mount } from './embed.js';

mount(document.getElementById('sync-overview'));
