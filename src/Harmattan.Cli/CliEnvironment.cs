using Spectre.Console;

namespace Harmattan.Cli;

/// <summary>
/// The streams and facts about the terminal a command runs with. Tests run the CLI in process with
/// string writers; the real program passes the console.
/// </summary>
internal sealed class CliEnvironment
{
    public CliEnvironment(TextWriter output, TextWriter error, Func<Stream> stdin, bool interactive)
    {
        Output = output;
        Error = error;
        OpenStdin = stdin;
        Interactive = interactive;
        Console = CreateConsole(output, interactive);
        ErrorConsole = CreateConsole(error, interactive);
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public Func<Stream> OpenStdin { get; }

    /// <summary>True when output goes to a terminal: colours and a live progress bar instead of plain lines.</summary>
    public bool Interactive { get; }

    public IAnsiConsole Console { get; }

    public IAnsiConsole ErrorConsole { get; }

    public static CliEnvironment FromProcess() => new(
        System.Console.Out,
        System.Console.Error,
        System.Console.OpenStandardInput,
        !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected);

    private static IAnsiConsole CreateConsole(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!interactive)
        {
            // Pipes and files get wide, stable tables rather than ones wrapped to 80 columns.
            console.Profile.Width = 160;
        }

        return console;
    }
}
