/** @type {import('next').NextConfig} */
const nextConfig = {
  // One folder with the server and only the node_modules it uses: the image copies this, not the whole install.
  output: 'standalone',
  poweredByHeader: false,
};

export default nextConfig;
