package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.Console;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import com.github.rvesse.airline.HelpOption;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.help.Help;
import com.github.rvesse.airline.model.CommandGroupMetadata;
import com.github.rvesse.airline.model.CommandMetadata;
import com.github.rvesse.airline.model.GlobalMetadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -h/--help} for every verb (STYLE rule 13), shared by composition: Airline's {@link HelpOption} plus the
 * metadata it needs, printed through the {@link Console} (Airline's own printing goes to System.out).
 */
public final class VerbHelp {
    @AirlineModule
    private HelpOption<Verb> option = new HelpOption<>();

    @AirlineModule
    private GlobalMetadata<Verb> global;

    @AirlineModule
    private CommandMetadata command;

    public boolean requested() {
        return Boolean.TRUE.equals(option.help);
    }

    /** Prints this verb's help (synopsis, options, examples); always exit 0. */
    public int print(Console console) {
        console.print(render(global, pathOf(global, command.getType())));
        return ExitCodes.OK;
    }

    /** The words that name a command: {@code [install]} or, inside a {@code @Group}, {@code [hub, install]}. */
    static List<String> pathOf(GlobalMetadata<Verb> global, Class<?> type) {
        List<String> path = new ArrayList<>();
        for (CommandGroupMetadata group : global.getCommandGroups()) {
            group.getCommands().stream().filter(c -> c.getType() == type).findFirst().ifPresent(c -> {
                path.add(group.getName());
                path.add(c.getName());
            });
        }
        if (path.isEmpty()) {
            global.getDefaultGroupCommands().stream().filter(c -> c.getType() == type).findFirst()
                    .ifPresent(c -> path.add(c.getName()));
        }
        return path;
    }

    public static String render(GlobalMetadata<Verb> global, List<String> path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Help.help(global, path, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
