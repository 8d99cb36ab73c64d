'use strict';

const express = require('express');

const { LOG_LEVEL = 'info' } = process.env;
const apiToken = process.env['API_TOKEN'];
const port = Number(process.env.PORT || 3000);

const app = express();
app.use(express.json());

const notes = [];

// Liveness: Express answers HEAD from a GET route.
app.get('/health', (req, res) => {
  res.json({ status: 'ok' });
});

app.get('/notes', (req, res) => res.json(notes));

app.post('/notes', (req, res) => {
  if (apiToken && req.get('authorization') !== `Bearer ${apiToken}`) {
    return res.status(401).json({ error: 'unauthorized' });
  }
  const note = { id: notes.length + 1, text: String(req.body.text ?? '') };
  notes.push(note);
  return res.status(201).json(note);
});

const server = app.listen(port, () => {
  if (LOG_LEVEL !== 'silent') console.log(`express-api listening on ${port}`);
});

// Stop taking connections on SIGTERM and exit once the open ones finish.
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
});
