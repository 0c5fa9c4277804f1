import { mount } from "svelte";
// Tokens first (custom properties), then element styles, forms, layout, and print last.
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/forms.css";
import "./styles/layout.css";
import "./styles/print.css";
import App from "./App.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("The page has no #app element.");

export default mount(App, { target });
