// Placeholder entry point; the explorer is built in client/src.
const app = document.getElementById('app');
if (app) app.textContent = 'Diplomatic knowledge graph';
