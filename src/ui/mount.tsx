import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";

/** Renders a page's app into its #root in the Fluent light theme: the task pane and the web page alike. */
export function mount(app: ReactNode): void {
  const container = document.getElementById("root");
  if (container !== null) createRoot(container).render(<FluentProvider theme={webLightTheme}>{app}</FluentProvider>);
}
