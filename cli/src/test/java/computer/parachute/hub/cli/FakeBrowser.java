package computer.parachute.hub.cli;

import computer.parachute.hub.cli.dashboard.BrowserOpener;

import java.util.ArrayList;
import java.util.List;

/** Records the URLs the CLI asked to open; the test says whether there is a display and whether opening works. */
public final class FakeBrowser implements BrowserOpener {
    public final List<String> opened = new ArrayList<>();
    public boolean display = true;
    public boolean opens = true;

    @Override
    public boolean displayAvailable() {
        return display;
    }

    @Override
    public boolean open(String url) {
        opened.add(url);
        return opens;
    }
}
