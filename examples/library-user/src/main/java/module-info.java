module example {
    requires dev.selectors.all;
}
