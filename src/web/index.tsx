import { mount } from "../ui/mount";
import { WebApp } from "./WebApp";

mount(<WebApp />);
