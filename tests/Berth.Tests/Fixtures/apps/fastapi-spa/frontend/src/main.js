// Fixed by `vite build`: the API's path as the browser sees it.
const apiBase = import.meta.env.VITE_API_BASE ?? '/api';

fetch(`${apiBase}/items`)
  .then((response) => response.json())
  .then((items) => {
    document.querySelector('#app').innerHTML = `<h1>fastapi-spa</h1><p>${items.length} items</p>`;
  });
