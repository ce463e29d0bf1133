// esbuild bundles imported CSS into ide.css.
declare module "*.css";
