import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { WebApp } from "./WebApp";

const container = document.getElementById("root");
if (container !== null) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <WebApp />
    </FluentProvider>
  );
}
