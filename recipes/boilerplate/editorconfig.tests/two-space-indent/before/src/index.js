import { start } from "./app.js";

start({ port: 3000 });
