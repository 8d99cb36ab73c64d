// VITE_* values are replaced by `vite build`: they are fixed when the image is built.
const apiUrl = import.meta.env.VITE_API_URL ?? 'http://localhost:8000';

const page = window.location.pathname;
document.querySelector('#app').innerHTML = `<h1>Chatbot</h1><p>Page ${page}, backend ${apiUrl}</p>`;
