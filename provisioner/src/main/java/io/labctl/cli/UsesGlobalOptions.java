package io.labctl.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Which global options a leaf command uses; without it, only -v, -q and --no-color. See {@link GlobalOptionScope}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UsesGlobalOptions {
    GlobalOptionUse[] value();
}
