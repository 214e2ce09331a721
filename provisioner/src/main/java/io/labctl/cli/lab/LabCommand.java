package io.labctl.cli.lab;

import picocli.CommandLine.Command;

/** {@code labctl lab}: the lab guide and checks, for students. */
@Command(name = "lab",
        description = "Follow a lab: read an exercise's guide, run its steps, check your work before you submit.",
        subcommands = {LabListCommand.class, LabShowCommand.class, LabCheckCommand.class, LabRunCommand.class,
                LabTypesCommand.class, LabPackCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  labctl lab list",
                "  labctl lab show ex3                       # what to do, the labctl and kubectl commands, the checks",
                "  labctl lab run ex3                        # do the scripted steps, explaining each",
                "  labctl lab check ex3 --submission .       # the checks the grader runs, with hints",
                "  labctl lab pack --out lab3.zip            # the zip to hand in, after the grader's file checks"})
public final class LabCommand {
}
