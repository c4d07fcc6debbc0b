import { runAction } from '../../platform/github/action-runtime.js';
import { main } from './main.js';
import { metadata } from './metadata.js';
import { post } from './post.js';

await runAction(metadata, main, post);
