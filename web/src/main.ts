// Application entry: Vue app, router, the v-perm directive and global styles.
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { vPerm } from './directives/perm'
import 'element-plus/theme-chalk/base.css'
import './styles/index.css'

const app = createApp(App)
app.use(router)
app.directive('perm', vPerm)
app.mount('#app')
