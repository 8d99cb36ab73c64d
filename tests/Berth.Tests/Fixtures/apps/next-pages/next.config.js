module.exports = { basePath: '/docs' };
