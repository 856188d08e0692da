/// <reference lib="webworker" />

/*
 * ELK's own worker script: loaded in a worker it answers elkjs's messages (elk-runner.ts talks to it
 * through elkjs's elk-api), so a big flow's layout takes seconds without freezing the canvas.
 */
import "elkjs/lib/elk-worker.min.js";
