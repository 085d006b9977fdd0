/** Plugin screens: the optional {@link org.grassroots.crm.plugin.api.ui.ViewContribution} extension point. */
@NullMarked
package org.grassroots.crm.plugin.api.ui;

import org.jspecify.annotations.NullMarked;
