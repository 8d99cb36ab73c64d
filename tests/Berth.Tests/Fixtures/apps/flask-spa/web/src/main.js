document.querySelector('#app').innerHTML = '<h1>flask-spa</h1>';
